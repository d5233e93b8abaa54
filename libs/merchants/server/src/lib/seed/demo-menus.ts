import type { Allergen, OptionGroupInput } from '@federacycle/contracts';

/** A product of a demo menu: name, price in cents, allergens, option groups. */
export type DemoProduct = [name: string, price: number, allergens: Allergen[], groups?: OptionGroupInput[]];
export interface DemoMenu {
  /** VAT in basis points per country: [restaurant or shop rate] */
  vat: Record<string, number>;
  categories: Array<{ name: string; products: DemoProduct[] }>;
}

const cooking: OptionGroupInput = {
  name: 'Cuisson',
  selection: 'single',
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: 'Saignant', priceDelta: 0 },
    { name: 'À point', priceDelta: 0 },
    { name: 'Bien cuit', priceDelta: 0 },
  ],
};
const side: OptionGroupInput = {
  name: 'Accompagnement',
  selection: 'single',
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: 'Frites maison', priceDelta: 0 },
    { name: 'Salade verte', priceDelta: 0 },
    { name: 'Gratin dauphinois', priceDelta: 150 },
  ],
};
const extras: OptionGroupInput = {
  name: 'Suppléments',
  selection: 'multiple',
  minSelect: 0,
  maxSelect: 3,
  options: [
    { name: 'Fromage', priceDelta: 150 },
    { name: 'Bacon', priceDelta: 200 },
    { name: 'Œuf', priceDelta: 100 },
    { name: 'Sans oignon', priceDelta: 0 },
  ],
};
const size: OptionGroupInput = {
  name: 'Taille',
  selection: 'single',
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: 'Normale', priceDelta: 0 },
    { name: 'Grande', priceDelta: 300 },
  ],
};
const drinkSize: OptionGroupInput = {
  name: 'Format',
  selection: 'single',
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: '33 cl', priceDelta: 0 },
    { name: '50 cl', priceDelta: 120 },
  ],
};
const spice: OptionGroupInput = {
  name: 'Piquant',
  selection: 'single',
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: 'Doux', priceDelta: 0 },
    { name: 'Moyen', priceDelta: 0 },
    { name: 'Fort', priceDelta: 0 },
  ],
};
const weight: OptionGroupInput = {
  name: 'Poids',
  selection: 'single',
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: '250 g', priceDelta: 0 },
    { name: '500 g', priceDelta: 350 },
    { name: '1 kg', priceDelta: 900 },
  ],
};

const drinks: DemoProduct[] = [
  ['Limonade artisanale', 350, [], [drinkSize]],
  ['Eau pétillante', 250, []],
  ['Jus de pomme bio', 380, []],
  ['Thé glacé maison', 400, []],
  ['Café', 200, []],
];

export const DEMO_MENUS: Record<string, DemoMenu> = {
  bistro: {
    vat: { FR: 1000, ES: 1000, DE: 700 },
    categories: [
      {
        name: 'Entrées',
        products: [
          ['Salade lyonnaise', 950, ['eggs', 'mustard']],
          ['Œuf en meurette', 890, ['eggs', 'sulphites']],
          ['Saucisson chaud, pommes vapeur', 1050, ['sulphites']],
          ['Cervelle de canut', 750, ['milk']],
          ['Terrine maison', 850, ['eggs']],
        ],
      },
      {
        name: 'Plats',
        products: [
          ['Quenelle de brochet, sauce Nantua', 1650, ['fish', 'gluten', 'eggs', 'milk', 'crustaceans'], [side]],
          ['Andouillette à la moutarde', 1550, ['mustard'], [side]],
          ['Bavette à l’échalote', 1790, [], [cooking, side]],
          ['Tablier de sapeur', 1590, ['gluten', 'eggs'], [side]],
          ['Poulet de Bresse à la crème', 1890, ['milk'], [side]],
          ['Gâteau de foies de volaille', 1450, ['eggs', 'milk']],
          ['Burger du bouchon', 1490, ['gluten', 'milk', 'sesame'], [cooking, side, extras]],
          ['Risotto aux champignons', 1450, ['milk']],
        ],
      },
      {
        name: 'Desserts',
        products: [
          ['Tarte aux pralines', 690, ['gluten', 'eggs', 'milk', 'nuts']],
          ['Île flottante', 650, ['eggs', 'milk']],
          ['Mousse au chocolat', 620, ['eggs', 'milk']],
          ['Fromage blanc, crème', 550, ['milk']],
          ['Bugnes lyonnaises', 480, ['gluten', 'eggs']],
        ],
      },
      { name: 'Boissons', products: drinks },
    ],
  },
  pizza: {
    vat: { FR: 1000, ES: 1000, DE: 700 },
    categories: [
      {
        name: 'Pizzas',
        products: [
          ['Margherita', 1050, ['gluten', 'milk'], [size, extras]],
          ['Regina', 1250, ['gluten', 'milk'], [size, extras]],
          ['Quatre fromages', 1350, ['gluten', 'milk'], [size]],
          ['Napolitaine', 1190, ['gluten', 'milk', 'fish'], [size]],
          ['Calzone', 1300, ['gluten', 'milk', 'eggs'], [size]],
          ['Végétarienne', 1200, ['gluten', 'milk'], [size, extras]],
          ['Diavola', 1290, ['gluten', 'milk'], [size, spice]],
          ['Truffe et burrata', 1690, ['gluten', 'milk'], [size]],
          ['Marinara', 950, ['gluten'], [size]],
          ['Bianca au chèvre', 1280, ['gluten', 'milk', 'nuts'], [size]],
        ],
      },
      {
        name: 'Antipasti',
        products: [
          ['Bruschetta', 650, ['gluten']],
          ['Burrata, tomates anciennes', 990, ['milk']],
          ['Arancini', 720, ['gluten', 'milk', 'eggs']],
        ],
      },
      {
        name: 'Dolci',
        products: [
          ['Tiramisu', 650, ['gluten', 'eggs', 'milk']],
          ['Panna cotta', 590, ['milk']],
          ['Cannoli', 620, ['gluten', 'milk', 'nuts']],
        ],
      },
      { name: 'Boissons', products: drinks },
    ],
  },
  asian: {
    vat: { FR: 1000, ES: 1000, DE: 700 },
    categories: [
      {
        name: 'Entrées',
        products: [
          ['Rouleaux de printemps', 650, ['peanuts', 'soybeans']],
          ['Nems au poulet', 690, ['gluten', 'soybeans']],
          ['Gyozas', 720, ['gluten', 'soybeans', 'sesame']],
          ['Soupe miso', 450, ['soybeans']],
          ['Salade de papaye', 790, ['peanuts', 'fish'], [spice]],
        ],
      },
      {
        name: 'Plats',
        products: [
          ['Pad thaï', 1350, ['peanuts', 'eggs', 'fish', 'soybeans'], [spice]],
          ['Curry vert', 1390, ['fish', 'crustaceans'], [spice]],
          ['Curry rouge au bœuf', 1450, ['fish'], [spice]],
          ['Bo bun', 1290, ['peanuts', 'soybeans', 'fish']],
          ['Riz sauté aux crevettes', 1250, ['crustaceans', 'eggs', 'soybeans']],
          ['Ramen tonkotsu', 1490, ['gluten', 'eggs', 'soybeans', 'sesame']],
          ['Poke saumon', 1390, ['fish', 'soybeans', 'sesame'], [extras]],
          ['Tofu sauté au basilic', 1190, ['soybeans'], [spice]],
        ],
      },
      {
        name: 'Desserts',
        products: [
          ['Riz gluant à la mangue', 650, []],
          ['Mochis (3)', 590, ['milk']],
        ],
      },
      { name: 'Boissons', products: drinks },
    ],
  },
  bakery: {
    vat: { FR: 550, ES: 1000, DE: 700 },
    categories: [
      {
        name: 'Pains',
        products: [
          ['Baguette tradition', 130, ['gluten']],
          ['Pain de campagne', 390, ['gluten'], [weight]],
          ['Pain complet', 350, ['gluten']],
          ['Pain aux noix', 420, ['gluten', 'nuts']],
          ['Fougasse aux olives', 380, ['gluten']],
        ],
      },
      {
        name: 'Viennoiseries',
        products: [
          ['Croissant', 120, ['gluten', 'milk', 'eggs']],
          ['Pain au chocolat', 140, ['gluten', 'milk', 'eggs']],
          ['Brioche aux pralines', 450, ['gluten', 'milk', 'eggs', 'nuts']],
          ['Chausson aux pommes', 210, ['gluten', 'milk']],
          ['Pain aux raisins', 190, ['gluten', 'milk', 'eggs']],
        ],
      },
      {
        name: 'Pâtisseries',
        products: [
          ['Éclair au café', 350, ['gluten', 'milk', 'eggs']],
          ['Tarte au citron', 390, ['gluten', 'milk', 'eggs']],
          ['Flan pâtissier', 320, ['gluten', 'milk', 'eggs']],
          ['Paris-Brest', 450, ['gluten', 'milk', 'eggs', 'nuts']],
          ['Cookie', 220, ['gluten', 'milk', 'eggs']],
        ],
      },
      {
        name: 'Snacking',
        products: [
          ['Sandwich jambon-beurre', 550, ['gluten', 'milk']],
          ['Quiche lorraine', 480, ['gluten', 'milk', 'eggs']],
        ],
      },
    ],
  },
  grocery: {
    vat: { FR: 550, ES: 1000, DE: 700 },
    categories: [
      {
        name: 'Fruits et légumes',
        products: [
          ['Pommes (1 kg)', 320, []],
          ['Tomates anciennes', 450, [], [weight]],
          ['Carottes bio (1 kg)', 260, []],
          ['Salade batavia', 150, []],
          ['Citrons (500 g)', 280, []],
          ['Pommes de terre (2 kg)', 390, []],
        ],
      },
      {
        name: 'Crèmerie',
        products: [
          ['Saint-Marcellin', 420, ['milk']],
          ['Comté 18 mois', 690, ['milk'], [weight]],
          ['Yaourts nature (4)', 280, ['milk']],
          ['Beurre demi-sel', 350, ['milk']],
          ['Œufs plein air (6)', 330, ['eggs']],
        ],
      },
      {
        name: 'Épicerie',
        products: [
          ['Lentilles vertes du Puy', 390, []],
          ['Huile d’olive (75 cl)', 1190, []],
          ['Pâtes artisanales', 350, ['gluten', 'eggs']],
          ['Confiture d’abricots', 490, []],
          ['Miel de montagne', 890, []],
          ['Café en grains (250 g)', 690, []],
        ],
      },
    ],
  },
  parts: {
    vat: { FR: 2000, ES: 2100, DE: 1900 },
    categories: [
      {
        name: 'Entretien',
        products: [
          ['Chambre à air 700x28', 790, []],
          [
            'Pneu urbain renforcé',
            3490,
            [],
            [
              {
                name: 'Dimension',
                selection: 'single',
                minSelect: 1,
                maxSelect: 1,
                options: [
                  { name: '700x28', priceDelta: 0 },
                  { name: '700x32', priceDelta: 200 },
                  { name: '26x2.0', priceDelta: 0 },
                ],
              },
            ],
          ],
          ['Huile de chaîne', 890, []],
          ['Kit de réparation', 690, []],
          ['Plaquettes de frein', 1490, []],
          ['Câble de frein', 490, []],
          ['Patins de frein', 990, []],
        ],
      },
      {
        name: 'Accessoires',
        products: [
          ['Antivol en U', 4990, []],
          ['Éclairage avant USB', 2990, []],
          ['Éclairage arrière USB', 1990, []],
          ['Sacoche de cadre', 3490, []],
          ['Gants d’hiver', 2490, [], [size]],
          ['Pompe à pied', 3990, []],
          ['Gilet réfléchissant', 1490, [], [size]],
          ['Sonnette', 690, []],
          ['Garde-boue', 1990, []],
        ],
      },
    ],
  },
};

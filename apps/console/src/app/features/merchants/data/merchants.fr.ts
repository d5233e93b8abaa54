import type { merchantsEn } from './merchants.en';

/** French texts of merchants and menus (same keys as merchantsEn). */
export const merchantsFr: Record<keyof typeof merchantsEn, string> = {
  'error.OPENING_HOURS_INVALID':
    'Les horaires d’ouverture ne sont pas valides : l’éditeur indique où commence le problème.',
  'error.CURRENCY_MISMATCH': 'Les montants doivent être dans la devise de votre coopérative.',
  'error.MERCHANT_ARCHIVED': 'Ce commerce est archivé ; il ne peut plus être modifié.',
  'error.NOT_MERCHANT_STAFF':
    'Donnez d’abord le rôle « équipe commerce » à cette personne, puis assignez-lui des commerces.',
  'error.VAT_RATE_NOT_ALLOWED': 'Ce taux de TVA ne fait pas partie des taux du pays du commerce.',
  'error.DUPLICATE_PRODUCT_NAME': 'Cette catégorie a déjà un produit de ce nom.',
  'error.DUPLICATE_CATEGORY_NAME': 'Le menu a déjà une catégorie de ce nom.',
  'error.OPTION_GROUP_INVALID':
    'Les choix du groupe d’options sont incohérents : vérifiez choix unique/multiple, minimum et maximum par rapport aux options.',
  'error.REORDER_MISMATCH': 'La liste a changé entre-temps ; rechargez-la et réordonnez à nouveau.',
  'error.MENU_IMPORT_INVALID': 'Le fichier de menu n’est pas valide ; rien n’a été importé.',
  'error.IMAGE_NOT_SUPPORTED': 'L’image doit être un fichier JPEG, PNG ou WebP.',
  'error.IMAGE_TOO_LARGE': 'L’image est trop lourde : 2 Mo au maximum.',
  'error.IMAGE_EMPTY': 'Choisissez un fichier image à envoyer.',
};

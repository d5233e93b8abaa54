import type { zonesEn } from './zones.en';

/** French texts of Zones and of the shared map (same keys as zonesEn). */
export const zonesFr: Record<keyof typeof zonesEn, string> = {
  'nav.zones': 'Zones',
  'zones.title': 'Zones',
  'zones.intro':
    'Les zones de livraison de votre coopérative : les périmètres des commerçants et les règles de prix s’en servent.',
  'zones.readOnly': 'Vous voyez les zones ; un administrateur de la coopérative les dessine et les modifie.',
  'zones.list': 'Zones',
  'zones.empty': 'Aucune zone pour l’instant.',
  'zones.emptyHintAdmin':
    'Choisissez « Dessiner une zone », puis cliquez sur la carte pour placer chaque angle ; cliquez de nouveau sur le premier angle pour terminer.',
  'zones.emptyHintReader': 'Aucun administrateur n’a encore dessiné de zone.',
  'zones.area': '{area} km²',
  'zones.draw': 'Dessiner une zone',
  'zones.drawing': 'Cliquez sur la carte pour placer chaque angle ; cliquez sur le premier angle pour fermer la forme.',
  'zones.cancelDrawing': 'Arrêter le dessin',
  'zones.import': 'Importer du GeoJSON',
  'zones.export': 'Exporter en GeoJSON',
  'zones.imported': '{count} zones importées.',
  'zones.importNotJson':
    'Ce fichier n’est pas du JSON : choisissez un fichier .geojson ou .json exporté par un outil de cartographie.',
  'zones.newZone': 'Nouvelle zone',
  'zones.editZone': 'Modifier {name}',
  'zones.name': 'Nom',
  'zones.nameRequired': 'Donnez un nom à la zone.',
  'zones.nameTooLong': '80 caractères au plus.',
  'zones.colour': 'Couleur',
  'zones.save': 'Enregistrer la zone',
  'zones.cancel': 'Annuler',
  'zones.edit': 'Modifier',
  'zones.editFor': 'Modifier {name}',
  'zones.delete': 'Supprimer',
  'zones.deleteFor': 'Supprimer {name}',
  'zones.deleteConfirm': 'Supprimer la zone {name} ? Cette action est définitive.',
  'zones.deleted': 'Zone {name} supprimée.',
  'zones.saved': 'Zone {name} enregistrée.',
  'zones.reshapeHint':
    'Faites glisser les angles sur la carte pour modifier la forme ; faites glisser un point du milieu pour ajouter un angle.',
  'zones.showOnMap': 'Afficher {name} sur la carte',
  'zones.problems': 'À corriger',
  'zones.serviceArea': 'Zone desservie',
  'zones.serviceAreaIntro':
    'Le territoire que dessert votre coopérative. Les zones doivent s’y trouver, et les cartes s’ouvrent dessus.',
  'zones.serviceAreaMissing':
    'Définissez d’abord votre territoire desservi : choisissez son centre sur la carte (ou saisissez-le), puis son rayon.',
  'zones.serviceAreaMissingReader': 'Le territoire desservi n’est pas encore défini.',
  'zones.serviceAreaSummary': 'Centre {lat}, {lng} · rayon {radius} km',
  'zones.radiusKm': 'Rayon (km)',
  'zones.radiusHint': 'Entre 1 et 200 km.',
  'zones.radiusRange': 'Saisissez un rayon entre 1 et 200 km.',
  'zones.saveArea': 'Enregistrer le territoire',
  'zones.changeArea': 'Modifier le territoire',
  'zones.areaSaved': 'Territoire desservi enregistré.',
  'zones.centre': 'Centre',

  'map.label': 'Carte',
  'map.noTiles': 'Aucun fond de carte n’est configuré : les formes sont dessinées sur un fond uni.',
  'map.pointLabel': 'Emplacement',
  'map.pointHint': 'Cliquez sur la carte ou faites glisser le repère ; ou saisissez la latitude et la longitude.',
  'map.lat': 'Latitude',
  'map.lng': 'Longitude',
  'map.latRange': 'Une latitude est comprise entre -90 et 90.',
  'map.lngRange': 'Une longitude est comprise entre -180 et 180.',
  'map.marker': 'Emplacement choisi (faites glisser pour déplacer)',
  'map.zoomIn': 'Zoomer',
  'map.zoomOut': 'Dézoomer',

  'error.GEOMETRY_INVALID': 'Cette forme n’est pas un polygone : dessinez une forme fermée d’au moins trois angles.',
  'error.GEOMETRY_RING_OPEN': 'La forme n’est pas fermée : terminez-la sur son premier angle.',
  'error.GEOMETRY_TOO_FEW_POINTS': 'Une zone a besoin d’au moins trois angles distincts.',
  'error.GEOMETRY_OUT_OF_RANGE':
    'Un angle est hors de la carte : les latitudes vont de -90 à 90 et les longitudes de -180 à 180 (GeoJSON écrit la longitude en premier).',
  'error.GEOMETRY_SELF_INTERSECTS':
    'Les bords de la forme se croisent : redessinez-la sans que deux bords se croisent.',
  'error.GEOMETRY_TOO_LARGE':
    'La forme a trop d’angles (ou le fichier trop de zones) : simplifiez-la ou découpez le fichier.',
  'error.ZONE_OUTSIDE_SERVICE_AREA':
    'Cette zone déborde du territoire desservi par votre coopérative : dessinez-la dans le cercle, ou élargissez d’abord le territoire.',
  'error.ZONE_NAME_TAKEN': 'Une autre zone porte déjà ce nom : choisissez-en un autre.',
  'error.ZONE_IN_USE': 'Cette zone sert encore au périmètre d’un commerçant ou à un créneau : modifiez-les d’abord.',
  'error.SERVICE_AREA_EXCLUDES_ZONES':
    'Ce territoire laisserait des zones en dehors : agrandissez le rayon, déplacez le centre ou modifiez d’abord ces zones.',
  'error.GEOJSON_INVALID':
    'Ce fichier n’est pas une FeatureCollection GeoJSON de polygones nommés : chaque élément doit avoir properties.name.',
};

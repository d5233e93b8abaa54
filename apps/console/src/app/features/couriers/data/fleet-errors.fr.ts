import type { fleetErrorsEn } from './fleet-errors.en';

/** French messages of fleet's error codes (same keys as fleetErrorsEn). */
export const fleetErrorsFr: Record<keyof typeof fleetErrorsEn, string> = {
  'error.NOT_A_COURIER':
    'Cette personne n’est pas coursier·e active de la coopérative : donnez-lui d’abord le rôle coursier dans Personnes.',
  'error.COURIER_PROFILE_EXISTS': 'Cette personne a déjà un profil de coursier : modifiez-le plutôt.',
  'error.NO_COURIER_PROFILE':
    'Vous n’avez pas encore de profil de coursier dans cette coopérative : demandez-le à un·e admin.',
  'error.VEHICLE_NOTE_REQUIRED': 'Une voiture est une exception : expliquez pourquoi dans la note du véhicule.',
  'error.INVALID_COURIER_TAG':
    'Une étiquette compte 2 à 30 lettres minuscules, chiffres, _ ou - (12 étiquettes au plus).',
  'error.INVALID_PHONE': 'Écrivez le numéro avec + et l’indicatif du pays, par ex. +33 6 12 34 56 78.',
  'error.END_BEFORE_START': 'La fin doit être après le début.',
  'error.RANGE_TOO_LONG': 'C’est trop long : un créneau dure au plus 16 heures, une vue au plus 31 jours.',
  'error.SHIFT_OVERLAP': 'Ce coursier a déjà un créneau à ce moment-là : déplacez ou raccourcissez l’un des deux.',
  'error.UNKNOWN_ZONE': 'Cette zone n’existe pas dans la coopérative : choisissez l’une de ses zones.',
  'error.COORDINATES_OUT_OF_RANGE': 'La latitude doit être entre -90 et 90, la longitude entre -180 et 180.',
  'error.COURIER_INACTIVE': 'Votre profil de coursier est inactif : demandez à un·e admin de le réactiver.',
  'error.ALREADY_ON_DUTY': 'Vous êtes déjà en service.',
  'error.NOT_ON_DUTY': 'Vous n’êtes pas en service.',
};

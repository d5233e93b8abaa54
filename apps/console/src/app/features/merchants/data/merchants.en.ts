/** English texts of merchants and menus (the reference keys). */
export const merchantsEn = {
  'error.OPENING_HOURS_INVALID': 'The opening hours are not valid: the editor marks where the problem starts.',
  'error.CURRENCY_MISMATCH': 'Amounts must be in your cooperative’s currency.',
  'error.MERCHANT_ARCHIVED': 'This merchant is archived; it can no longer be changed.',
  'error.NOT_MERCHANT_STAFF': 'Give this person the merchant staff role first, then assign merchants.',
  'error.VAT_RATE_NOT_ALLOWED': 'This VAT rate is not one of the rates of the merchant’s country.',
  'error.DUPLICATE_PRODUCT_NAME': 'This category already has a product with that name.',
  'error.DUPLICATE_CATEGORY_NAME': 'The menu already has a category with that name.',
  'error.OPTION_GROUP_INVALID':
    'The option group’s choices do not add up: check single/multiple, minimum and maximum against its options.',
  'error.REORDER_MISMATCH': 'The list changed meanwhile; reload it and reorder again.',
  'error.MENU_IMPORT_INVALID': 'The menu file is not valid; nothing was imported.',
  'error.IMAGE_NOT_SUPPORTED': 'The image must be a JPEG, PNG or WebP file.',
  'error.IMAGE_TOO_LARGE': 'The image is too large: at most 2 MB.',
  'error.IMAGE_EMPTY': 'Choose an image file to upload.',
};

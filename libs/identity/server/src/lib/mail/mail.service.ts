// Moved to the platform (libs/platform/notifications): every domain mails through it.
export { MailService, mailDirectory, type OutgoingMail } from '@federacycle/platform-notifications';

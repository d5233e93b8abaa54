export * from './lib/mail.service';

import { ApiException } from '@federacycle/platform-http';
import { COMMON_PASSWORDS_TEXT } from './common-passwords';

/** What a new password is checked against besides the list: the person's own words. */
export interface PasswordContext {
  email?: string;
  name?: string;
}

const COMMON = new Set(COMMON_PASSWORDS_TEXT.split('\n').filter((line) => line !== ''));

/** Runs along a keyboard row or an alphabet, in either direction, wrapping around. */
const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  '1234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'azertyuiop',
  'qsdfghjklm',
  'wxcvbn',
  'qwertzuiop',
  'yxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '!@#$%^&*()',
].flatMap((row) => [row.repeat(3), [...row].reverse().join('').repeat(3)]);

/** Words of the platform itself that make a password guessable by anyone who knows where it is used. */
const PLATFORM_WORDS = ['federacycle', 'federation', 'cooperative'];

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

/** Digits, punctuation and spaces around a word: what people add to a common word to pass a rule. */
const DECORATION = /^[\d\W_]+|[\d\W_]+$/g;

function core(text: string): string {
  return text.replace(DECORATION, '');
}

function unleet(text: string): string {
  return [...text].map((c) => LEET[c] ?? c).join('');
}

function isRepetition(text: string): boolean {
  for (let unit = 1; unit <= text.length / 2; unit += 1) {
    const pattern = text.slice(0, unit);
    if (pattern.repeat(Math.ceil(text.length / unit)).slice(0, text.length) === text) return true;
  }
  return false;
}

function isCommon(text: string): boolean {
  return text.length >= 3 && (COMMON.has(text) || COMMON.has(unleet(text)));
}

function personalWords(context: PasswordContext): string[] {
  const local = (context.email ?? '').toLowerCase().split('@')[0] ?? '';
  const name = (context.name ?? '').toLowerCase();
  return [local, ...local.split(/[._+-]+/), ...name.split(/\s+/)].filter((word) => word.length >= 4);
}

/** Whether what is left of a password without `word` is too little to protect it. */
function builtOn(password: string, word: string): boolean {
  if (!password.includes(word)) return false;
  const rest = core(password.split(word).join(''));
  return rest.length < 5 || isCommon(rest) || isRepetition(rest);
}

/**
 * Why a new password is too easy to guess, or null. Case-insensitive: one of the 10,000 most
 * common passwords (COMMON_PASSWORDS_TEXT), also with digits or symbols around it or letters
 * written as digits (`P@ssw0rd2024!`); one character or a short pattern repeated; a run along a
 * keyboard row or the alphabet; the person's email or name, or the platform's name, with little
 * else. (The length rule is the DTO's.)
 */
export function passwordWeakness(password: string, context: PasswordContext = {}): string | null {
  const text = password.normalize('NFKC').toLowerCase();
  if (COMMON.has(text)) return 'it is one of the 10,000 most used passwords';
  if (isRepetition(text)) return 'it repeats one character or a short pattern';
  if (SEQUENCES.some((run) => run.includes(text))) return 'it is a run of keys or letters in a row';
  const word = core(text);
  if (word !== text && (isCommon(word) || isCommon(unleet(text)))) {
    return 'it is a very common password with digits or symbols around it';
  }
  if (isCommon(unleet(text))) return 'it is a very common password with letters written as digits or symbols';
  if (personalWords(context).some((w) => builtOn(text, w))) return 'it is built on your email address or name';
  if (PLATFORM_WORDS.some((w) => builtOn(text, w))) return 'it is built on the name of the platform';
  return null;
}

/** 400 PASSWORD_TOO_COMMON (with the field error) when `passwordWeakness` finds a reason. */
export function assertPasswordNotCommon(password: string, context: PasswordContext = {}): void {
  const reason = passwordWeakness(password, context);
  if (reason === null) return;
  const message = `This password is too easy to guess (${reason}); choose a phrase of a few unrelated words, for example`;
  throw new ApiException(400, 'PASSWORD_TOO_COMMON', message, [
    { field: 'password', code: 'passwordTooCommon', message },
  ]);
}

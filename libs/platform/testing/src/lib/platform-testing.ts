export function platformTesting(): string {
  return 'platform-testing';
}

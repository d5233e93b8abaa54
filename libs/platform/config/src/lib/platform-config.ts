export function platformConfig(): string {
  return 'platform-config';
}

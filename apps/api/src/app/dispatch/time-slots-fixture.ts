const DAY = 86_400_000;

/** The instant of a wall-clock time in Paris on a day (`YYYY-MM-DD`), summer or winter. */
export function paris(day: string, time: string): string {
  const naive = new Date(`${day}T${time}:00.000Z`).getTime();
  const wall = (at: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(at));
    const f = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    return Date.UTC(f('year'), f('month') - 1, f('day'), f('hour'), f('minute'));
  };
  return new Date(naive - (wall(naive) - naive)).toISOString();
}

/** 09:30 in Paris on the first Wednesday at least two days ahead: the clock the slots are read at. */
export function nextWednesdayMorning(from = Date.now()): Date {
  const d = new Date(from + 2 * DAY);
  while (d.getUTCDay() !== 3) d.setTime(d.getTime() + DAY);
  return new Date(paris(d.toISOString().slice(0, 10), '09:30'));
}

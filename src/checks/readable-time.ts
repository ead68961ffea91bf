// Times in messages: minutes are enough for a person; the JSON report keeps the exact instant.
export function readableTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

// The queue key of an issue: jobs for one issue run one at a time, in order, under this key.
export function issueKey(payload: { repository: { full_name: string }; issue: { number: number } }): string {
  return `${payload.repository.full_name.toLowerCase()}#${payload.issue.number}`;
}

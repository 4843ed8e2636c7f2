// The gateway for `mode: dry-run`: reads as usual, and logs each write it would have made instead of
// making it, so a maintainer can watch the decisions in the logs before letting the app write.
import type { IssueGateway, JobLog } from './ports.js';

export function dryRunWrites(gateway: IssueGateway, log: JobLog): IssueGateway {
  const would = (write: string, details: Record<string, unknown>): Promise<void> => {
    log.info({ dryRun: true, write, ...details }, 'dry run: write skipped');
    return Promise.resolve();
  };
  return {
    readConfig: () => gateway.readConfig(),
    readIncidentFiles: (dir, from) => gateway.readIncidentFiles(dir, from),
    findOwnComment: () => gateway.findOwnComment(),
    getPermission: (login) => gateway.getPermission(login),
    provesNoOwnComment: (createdAt) => gateway.provesNoOwnComment(createdAt),
    createComment: (body) => would('create-comment', { chars: body.length }),
    updateComment: (commentId, body) => would('update-comment', { commentId, chars: body.length }),
    addLabels: (labels) => would('add-labels', { labels: labels.map((l) => l.name) }),
    removeLabels: (names) => would('remove-labels', { labels: names }),
    react: (commentId, content) => would('react', { commentId, content }),
  };
}

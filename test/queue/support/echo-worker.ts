// A worker for the pool's tests: answers `{ id, task }` with the task's text, throws when asked to, and
// exits the thread when asked to (a crash), as a real worker might.
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', ({ id, task }: { id: number; task: { text: string; wait?: number } }) => {
  if (task.text === 'exit') process.exit(3);
  const answer = (): void => {
    if (task.text === 'throw') parentPort!.postMessage({ id, error: 'Error: asked to throw' });
    else parentPort!.postMessage({ id, result: `echo ${task.text}` });
  };
  if (task.wait) setTimeout(answer, task.wait);
  else answer();
});

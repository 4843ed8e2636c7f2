// A worker for the pool's tests that cannot start (its module throws while loading).
throw new Error('cannot start: catalog unreadable');

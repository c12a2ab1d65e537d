// React reports every commit to a devtools hook it finds when react-dom loads, production builds
// too (<Profiler> reports nothing there). page.tsx imports this module first, so the shim exists
// before React evaluates. It lives in the page bundle rather than in page.addInitScript: tsx
// compiles the runner with keepNames, which wraps the init script's functions in a `__name` helper
// the page does not have, and the hook never got defined.

import { commits } from './commits.ts';

const hook = {
  supportsFiber: true,
  isDisabled: false,
  renderers: new Map<number, unknown>(),
  inject(renderer: unknown) {
    const id = hook.renderers.size + 1;
    hook.renderers.set(id, renderer);
    return id;
  },
  checkDCE() {},
  onScheduleFiberRoot() {},
  onCommitFiberRoot() {
    commits.value++;
  },
  onPostCommitFiberRoot() {},
  onCommitFiberUnmount() {},
};
Object.assign(window, { __REACT_DEVTOOLS_GLOBAL_HOOK__: hook });

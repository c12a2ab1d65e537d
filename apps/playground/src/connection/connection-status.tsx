import { useSyncExternalStore } from 'react';
import { useConnection } from '../state/connection.ts';
import { type ServerState, serverState, subscribeServerState } from './server-status.ts';
import './connection-status.css';

const labels: Record<ServerState, string> = {
  starting: 'Server starting… runs wait for it',
  ready: 'Server ready',
  unreachable: 'Server unreachable: runs wait for it (is npm start running?)',
};

/** The local server's state, for connections through this page's origin; nothing for remote providers. */
export function ConnectionStatus() {
  const baseURL = useConnection((state) => state.connection.baseURL);
  const local = new URL(baseURL, location.href).origin === location.origin;
  const state = useSyncExternalStore(subscribeServerState, serverState, () => 'starting' as const);
  if (!local) return null;
  return (
    <output className="connection-status" data-state={state} aria-live="polite">
      <span aria-hidden="true" className="connection-status-dot" />
      <span className="connection-status-text">{labels[state]}</span>
    </output>
  );
}

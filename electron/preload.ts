/**
 * The preload: exposes window.boxOffice, built from the contract's channel names, and nothing
 * else — no ipcRenderer, no generic invoke, no Node. Bundled into one file for a sandboxed renderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/api';

contextBridge.exposeInMainWorld(
  'boxOffice',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);

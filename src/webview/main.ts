// Entry point of the chat webview bundle (IIFE, loaded by the HTML shell in
// src/chat/webview-html.ts).
import './zod-jitless';
import { ChatApp } from './app';

const root = document.getElementById('app');
if (root) new ChatApp(root, acquireVsCodeApi()).start();

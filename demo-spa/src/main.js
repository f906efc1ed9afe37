// Entry point: styles, then the app.
import './style.css';
import { App } from './app.js';

new App(document.querySelector('#app')).boot();

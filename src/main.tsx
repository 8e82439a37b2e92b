// Bootstrap: render the app shell.
import { render } from 'preact';
import { App } from './app/App.tsx';
import './app/styles.css';

render(<App />, document.getElementById('app')!);

import { render } from 'preact';

render(<main>Digest Lens</main>, document.getElementById('app') as HTMLElement);

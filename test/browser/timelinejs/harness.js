// Loads the timeline JSON named by ?source= into TimelineJS, as an embed would, and says when it is done.
window.__timeline = { state: 'loading' };
const source = new URLSearchParams(location.search).get('source');
fetch(source)
  .then((response) => response.json())
  .then((json) => {
    // Georgia and Helvetica are system fonts: the other font sets fetch from Google, and the test stays offline.
    const timeline = new TL.Timeline('timeline', json, { script_path: `${location.origin}/timelinejs/js/`, font: 'georgia-helvetica' });
    window.__timeline.instance = timeline;
    timeline.on('ready', () => {
      window.__timeline.state = 'ready';
    });
  })
  .catch((error) => {
    window.__timeline.state = `failed: ${error.message}`;
  });

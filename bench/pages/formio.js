// Renders the benchmark form named by ?form= with Form.io (@formio/js form build).
const form = new URLSearchParams(location.search).get('form');
fetch(`/forms/${form}/formio.json`)
  .then((response) => response.json())
  .then((json) => Formio.createForm(document.getElementById('form'), json));

// Mounts the benchmark form named by ?form= the way a town embeds Formlotse: one element.
const form = new URLSearchParams(location.search).get('form');
const element = document.createElement('form-lotse');
element.setAttribute('src', `/forms/${form}/formlotse.json`);
element.setAttribute('endpoint', '/api/none');
document.getElementById('form').append(element);

// Renders the benchmark form named by ?form= with SurveyJS (survey-core + survey-js-ui).
const form = new URLSearchParams(location.search).get('form');
fetch(`/forms/${form}/surveyjs.json`)
  .then((response) => response.json())
  .then((json) => {
    const survey = new Survey.Model(json);
    survey.render(document.getElementById('form'));
  });

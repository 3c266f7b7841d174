// The demo app's own configuration (tests/app/config/middlewares.js), unchanged.
module.exports = require('../../../app/config/middlewares');

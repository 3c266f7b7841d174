// The demo app's own configuration (tests/app/config/plugins.js), unchanged.
module.exports = require('../../../app/config/plugins');

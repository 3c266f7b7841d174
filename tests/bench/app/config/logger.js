// The demo app's own configuration (tests/app/config/logger.js), unchanged.
module.exports = require('../../../app/config/logger');

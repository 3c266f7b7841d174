// The demo app's own configuration (tests/app/config/database.js), unchanged.
module.exports = require('../../../app/config/database');

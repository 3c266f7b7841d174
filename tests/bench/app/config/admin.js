// The demo app's own configuration (tests/app/config/admin.js), unchanged.
module.exports = require('../../../app/config/admin');

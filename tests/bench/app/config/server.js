const path = require('path');
const demo = require('../../../app/config/server');

// The demo app's server configuration, with its public folder (the upload provider wants one).
module.exports = (context) => ({
  ...demo(context),
  dirs: { public: path.resolve(__dirname, '../../../app/public') },
});

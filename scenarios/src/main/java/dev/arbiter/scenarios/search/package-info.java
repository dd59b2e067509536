/** Walk-forward strategy-parameter search with Jenetics, out-of-sample checks and the deflated Sharpe ratio. */
package dev.arbiter.scenarios.search;

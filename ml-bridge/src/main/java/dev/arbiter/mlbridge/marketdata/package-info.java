/** Bar series: reading real market-data files and checking that bars arrive in order, once, for one instrument. */
package dev.arbiter.mlbridge.marketdata;

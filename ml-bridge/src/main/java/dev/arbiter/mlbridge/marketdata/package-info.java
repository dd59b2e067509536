/**
 * Bar series: one reader for the bar files people have ({@link dev.arbiter.mlbridge.marketdata.BarsReader}: CSV with a
 * header, Binance klines and their ZIPs, CCXT/freqtrade OHLCV JSON, ta4j JSON, the API's bars JSON), and checking that
 * bars arrive in order, once, for one instrument.
 */
package dev.arbiter.mlbridge.marketdata;

/** The same scenarios with and without the risk layers, side by side. */
package dev.arbiter.scenarios.compare;

/**
 * HTTP facts every layer needs: which route a request is ({@link org.bindbackend.http.Route}, one table read from
 * the servlet path, so that every spelling of a path is the same route), loopback hosts, and form decoding.
 */
package org.bindbackend.http;

package org.bindbackend.testing;

import java.io.IOException;

/**
 * A data grid of replicas on this host: its name, and the first of the ports its members listen on for each other
 * (one each, counting up from there).
 *
 * @param name      the cluster's name, so that grids of parallel tests never join
 * @param firstPort where the first member listens, and where the others find it
 */
public record Grid(String name, int firstPort) {

    /** The most members a test grid has, counting one that joins late. */
    static final int MAX_MEMBERS = 5;

    /** Where members may listen, each a join address: {@code 127.0.0.1:first,127.0.0.1:first+1,...}. */
    public String members() {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < MAX_MEMBERS; i++) {
            members.append(i == 0 ? "" : ",").append("127.0.0.1:").append(firstPort + i);
        }
        return members.toString();
    }

    /** A grid of its own, on free ports. */
    public static Grid fresh() throws IOException {
        return new Grid("bind-backend-" + Long.toHexString(System.nanoTime()), PayaraMicroServer.freePort());
    }
}

package org.empreinte.network;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A network; {@code members} is left out of lists, which give {@code memberCount}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Network(long id, String name, NetworkTarget target, int memberCount, String createdAt, List<Member> members) {

    Network withMembers(List<Member> list) {
        return new Network(id, name, target, list.size(), createdAt, list);
    }
}

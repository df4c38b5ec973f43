package org.empreinte.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.empreinte.web.Messages;

/** A network's counts said as people say them: none, one and many, in French and English. */
class NetworkWordingTest {

    private static final Messages FR = Messages.of(Messages.FRENCH);
    private static final Messages EN = Messages.of(Messages.ENGLISH);

    @Test
    void reportingSaysNoneOneAndMany() {
        assertThat(NetworkWording.reporting(FR, 0, 0, 2024)).isEqualTo("Aucun membre ne partage encore son bilan avec le réseau.");
        assertThat(NetworkWording.reporting(FR, 0, 4, 2024))
                .isEqualTo("Aucun membre n'a encore déclaré son bilan 2024 (membres qui partagent : 4).");
        assertThat(NetworkWording.reporting(FR, 1, 4, 2024)).isEqualTo("1 membre sur 4 a déclaré son bilan 2024.");
        assertThat(NetworkWording.reporting(FR, 3, 4, 2024)).isEqualTo("3 membres sur 4 ont déclaré leur bilan 2024.");
        assertThat(NetworkWording.reporting(EN, 0, 0, 2024)).isEqualTo("No member shares its footprint with the network yet.");
        assertThat(NetworkWording.reporting(EN, 0, 4, 2024)).isEqualTo("No member has reported its 2024 footprint yet (members sharing: 4).");
        assertThat(NetworkWording.reporting(EN, 1, 4, 2024)).isEqualTo("1 member of 4 has reported its 2024 footprint.");
        assertThat(NetworkWording.reporting(EN, 3, 4, 2024)).isEqualTo("3 members of 4 have reported their 2024 footprint.");
    }

    @Test
    void notSharingSaysAnEmptyNetworkHasNoMembers() {
        assertThat(NetworkWording.notSharing(FR, 0, 0)).isEqualTo("Ce réseau n'a encore aucun membre : invitez des organisations.");
        assertThat(NetworkWording.notSharing(FR, 0, 2)).isEqualTo("Tous les membres partagent au moins leur bilan agrégé (2 en tout).");
        assertThat(NetworkWording.notSharing(FR, 1, 4))
                .isEqualTo("1 membre sur 4 ne partage rien avec le réseau : compté, jamais nommé.");
        assertThat(NetworkWording.notSharing(FR, 2, 4))
                .isEqualTo("2 membres sur 4 ne partagent rien avec le réseau : comptés, jamais nommés.");
        assertThat(NetworkWording.notSharing(EN, 0, 0)).isEqualTo("This network has no members yet: invite organizations.");
        assertThat(NetworkWording.notSharing(EN, 1, 4)).isEqualTo("1 member of 4 shares nothing with the network: counted, never named.");
        assertThat(NetworkWording.notSharing(EN, 2, 4))
                .isEqualTo("2 members of 4 share nothing with the network: counted, never named.");
    }

    @Test
    void aNetworksSizeInTheList() {
        assertThat(NetworkWording.members(FR, 0)).isEqualTo("aucun membre");
        assertThat(NetworkWording.members(FR, 1)).isEqualTo("1 membre");
        // French groups digits with a non-breaking space, narrow or not by the JDK's locale data.
        assertThat(NetworkWording.members(FR, 1200).replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("1 200 membres");
        assertThat(NetworkWording.members(EN, 0)).isEqualTo("no members");
        assertThat(NetworkWording.members(EN, 1)).isEqualTo("1 member");
        assertThat(NetworkWording.members(EN, 1200)).isEqualTo("1,200 members");
    }
}

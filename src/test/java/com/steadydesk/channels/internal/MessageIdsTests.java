package com.steadydesk.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MessageIdsTests {

    @Property
    void normalisingIsIdempotentAndAlwaysBracketed(@ForAll("ids") String id, @ForAll boolean bracketed, @ForAll boolean padded) {
        String written = (padded ? "  " : "") + (bracketed ? "<" + id + ">" : id) + (padded ? " (comment)" : "");
        String once = MessageIds.normalise(written);
        assertThat(once).isEqualTo("<" + id + ">");
        assertThat(MessageIds.normalise(once)).isEqualTo(once);
    }

    @Test
    void readsReferencesInOrderWithoutDuplicates() {
        assertThat(MessageIds.list("<a@x>\r\n <b@x> <a@x>")).containsExactly("<a@x>", "<b@x>");
        assertThat(MessageIds.list("a@x b@x")).containsExactly("<a@x>", "<b@x>");
        assertThat(MessageIds.list("  ")).isEmpty();
        assertThat(MessageIds.normaliseAll(List.of("a@x", "<a@x>", " <b@x> "))).containsExactly("<a@x>", "<b@x>");
        assertThat(MessageIds.normalise(null)).isNull();
    }

    @Provide
    Arbitrary<String> ids() {
        Arbitrary<String> part = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('.', '-', '_').ofMinLength(1).ofMaxLength(20);
        return part.flatMap(local -> part.map(domain -> local + "@" + domain));
    }
}

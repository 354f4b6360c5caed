package dev.kassa.pspmock.dispute;

import java.util.TreeMap;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.JsonColumn;
import org.springframework.stereotype.Component;

/** {@code dispute.evidence}: the fields given, as a JSON object, read back sorted by name. */
@Component
class DisputeEvidenceColumn implements JsonColumn<DisputeEvidence> {

    private final ApiJson json;

    DisputeEvidenceColumn(ApiJson json) {
        this.json = json;
    }

    @Override
    public Class<DisputeEvidence> type() {
        return DisputeEvidence.class;
    }

    @Override
    public DisputeEvidence read(String text) {
        return new DisputeEvidence(new TreeMap<>(json.readStringMap(text)));
    }
}

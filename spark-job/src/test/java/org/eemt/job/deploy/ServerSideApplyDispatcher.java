package org.eemt.job.deploy;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.server.mock.crud.PostHandler;
import io.fabric8.kubernetes.client.server.mock.crud.PutHandler;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The fabric8 mock API server's CRUD dispatcher, answering server-side apply (which Spark uses
 * for the driver's Service and ConfigMap) by creating a missing object or replacing an existing
 * one; the stock 6.7.2 dispatcher answers 404 to an apply of a missing object (fabric8 #5360).
 */
final class ServerSideApplyDispatcher extends KubernetesCrudDispatcher {
    private final PostHandler create = new PostHandler(new KubernetesAttributesExtractor(), this);
    private final PutHandler replace = new PutHandler(this);

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith("application/apply-patch")) {
            return super.handlePatch(request);
        }
        String path = request.getPath();
        String objectPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String body = request.getBody().readUtf8();
        try {
            boolean exists = handleGet(objectPath).getStatus().contains(" 200 ");
            return exists ? replace.handle(objectPath, "application/json", body)
                    : create.handle(objectPath.substring(0, objectPath.lastIndexOf('/')), "application/json", body);
        } catch (KubernetesCrudDispatcherException e) {
            return new MockResponse().setResponseCode(e.getCode()).setBody(e.toStatusBody());
        }
    }
}

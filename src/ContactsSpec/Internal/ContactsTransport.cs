namespace ContactsSpec.Internal;

/// <summary>The socket handler every facade pipeline sends through unless the caller brings its own.</summary>
internal static class ContactsTransport
{
    public static SocketsHttpHandler Create() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        // A redirect would re-send the request, credentials included, to whatever host it names.
        AllowAutoRedirect = false,
    };

    /// <summary>Turns off redirect following on the primary handler types .NET provides; any other handler is the host's to configure.</summary>
    public static void RefuseRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }
}

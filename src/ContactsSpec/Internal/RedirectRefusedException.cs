namespace ContactsSpec.Internal;

/// <summary>
/// A provider call answered with a redirect, which the facade never follows: the request carries credentials
/// (in the path, the query, the form or a header) that must not go to another host. Only the target's host is
/// kept, never its path or query.
/// </summary>
/// <param name="status">The 3xx status, or 0 when a caller's own transport already followed the redirect.</param>
/// <param name="targetHost">Where the redirect pointed.</param>
internal sealed class RedirectRefusedException(int status, string? targetHost)
    : HttpRequestException(status == 0
        ? $"the transport followed a redirect to {targetHost}; the facade does not take that host's answer. Give the client a transport that does not follow redirects."
        : $"the answer was a redirect to {targetHost ?? "an unnamed location"}; redirects are not followed, so that credentials never reach another host.")
{
    public int? Status => status == 0 ? null : status;

    public string? TargetHost => targetHost;
}

namespace ContactsSpec.Internal;

/// <summary>
/// A provider call answered with a redirect, which the facade never follows: the request carries credentials
/// (in the path, the query, the form or a header) that must not go to another host. Only the target's host is
/// kept, never its path or query.
/// </summary>
internal sealed class RedirectRefusedException(int status, string? targetHost)
    : HttpRequestException($"The answer was a redirect (HTTP {status}) to {targetHost ?? "an unnamed location"}; redirects are not followed, so that credentials never reach another host.")
{
    public int Status => status;

    public string? TargetHost => targetHost;
}

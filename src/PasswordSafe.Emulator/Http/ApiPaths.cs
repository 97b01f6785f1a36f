using System;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>B3: the current and the legacy base path; both serve the same API.</summary>
internal static class ApiPaths
{
    internal const string Current = "/BeyondTrust/api/public/v3";
    internal const string Legacy = "/eEye.RetinaCS.Server/api/public/v3";
    internal const string Control = "/emulator";

    internal static bool IsApi(PathString path) =>
        path.StartsWithSegments(Current, StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments(Legacy, StringComparison.OrdinalIgnoreCase);

    /// <summary>An answered API call for the call log: its path under whichever base it used.</summary>
    internal static ApiCall CallOf(HttpContext context, DateTimeOffset time)
    {
        var request = context.Request;
        var path = request.Path.StartsWithSegments(Current, StringComparison.OrdinalIgnoreCase, out var rest)
                   || request.Path.StartsWithSegments(Legacy, StringComparison.OrdinalIgnoreCase, out rest)
            ? rest.Value ?? string.Empty
            : request.Path.Value ?? string.Empty;
        return new ApiCall(time, request.Method, path.TrimStart('/'), request.QueryString.Value ?? string.Empty, context.Response.StatusCode);
    }
}

using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>Reads a provisioning request's body and <c>?version=</c> together; either the checked values or the 400 reason.</summary>
internal static class ProvisioningBody
{
    internal static async Task<(Dictionary<string, object?>? Values, string? Error)> ReadAsync(
        HttpContext context, IReadOnlyList<BodyField> fields, string newestVersion)
    {
        var version = BodyVersion.Parse(context.Request.Query["version"].ToString(), newestVersion, out var error);
        if (version is null) return (null, error);
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return (null, bodyError);
        var values = VersionedBodyReader.Read(body, fields, version, out error);
        return (values, error);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary><c>.Requires(Permissions.X)</c> on an endpoint or group: see <see cref="PermissionRequiredFilter"/>.</summary>
internal static class PermissionEndpointExtensions
{
    internal static TBuilder Requires<TBuilder>(this TBuilder builder, int permissionId, bool alwaysWrite = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new PermissionRequiredFilter(permissionId, alwaysWrite));
}

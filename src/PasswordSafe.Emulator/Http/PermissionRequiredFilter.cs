using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Administration endpoints: the session user needs the feature permission (GETs: Read Only or better; changes:
/// Read/Write), else 403 4031. Members of an Administrator group hold every permission.
/// </summary>
internal sealed class PermissionRequiredFilter : IEndpointFilter
{
    private readonly int _permissionId;
    private readonly bool _alwaysWrite;

    /// <param name="alwaysWrite">True where even a GET needs Read/Write (reading an API key shows a secret, A6).</param>
    internal PermissionRequiredFilter(int permissionId, bool alwaysWrite = false)
    {
        _permissionId = permissionId;
        _alwaysWrite = alwaysWrite;
    }

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var state = http.RequestServices.GetRequiredService<EmulatorState>();
        var write = _alwaysWrite || !HttpMethods.IsGet(http.Request.Method);
        if (!state.HasPermission(RequestFacts.Session(http).UserId, _permissionId, write))
            return ValueTask.FromResult<object?>(ApiResults.NoPermission());
        return next(context);
    }
}

namespace Generator.Lint.Views;

/// <summary>
/// The container port a Service port sends a workload's pods to: its <c>targetPort</c> as a number (whether or not a
/// container declares it) or as a port name looked up in the containers. <see cref="Container"/> is the container
/// declaring the port, or null when a numeric target is declared by none.
/// </summary>
public sealed record ServicePortTarget(ContainerView? Container, long Number)
{
    /// <summary>Null when the target is a name that no container of the workload declares.</summary>
    public static ServicePortTarget? Resolve(ServicePortView servicePort, Workload workload)
    {
        var number = servicePort.TargetPort is { IsNull: false } target ? target.AsInteger() : servicePort.Port;
        if (number is { } n)
        {
            return new ServicePortTarget(workload.Containers.FirstOrDefault(c => c.Ports.Any(p => p.Number == n)), n);
        }

        return workload.Containers
            .SelectMany(c => c.Ports.Where(p => p.Name == servicePort.Target).Select(p => new ServicePortTarget(c, p.Number)))
            .FirstOrDefault();
    }
}

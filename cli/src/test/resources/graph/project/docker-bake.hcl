group "default" {
  targets = ["cpu"]
}

target "cpu" {
  context = "."
  dockerfile = "docker/Dockerfile.cpu"
  platforms = ["linux/amd64", "linux/arm64"]
}
